import { createRoot } from 'react-dom/client';
import { protect } from 'pii-veil';
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import { config as iconConfig } from '@fortawesome/fontawesome-svg-core';
import '@fortawesome/fontawesome-svg-core/styles.css';
import './style.css';
import { SupportChat } from './SupportChat.jsx';

// Once, before the first request. The chat input (chatscope's contenteditable) is free
// text, so it is protected; `chat` pseudonymises what the page sends to the bot's
// endpoint (the bot sees [PERSON_1], [IBAN_1], …) and restores the streamed reply
// before the widget reads it — also server-sent events with JSON deltas, whose
// placeholders arrive split between events. The notice and the badge go after the
// whole input bar (found from its markup; `widgetAnchor: '.cs-message-input'` pins it).
protect(document, { lang: 'de', chat: { url: '/api/bot/sse' } });

// The kit's icons (Font Awesome) would add their CSS as an inline <style>, which a CSP
// with style-src 'self' (as a page with pii-veil has) refuses: ship it as a file.
iconConfig.autoAddCss = false;

createRoot(document.getElementById('root')).render(<SupportChat />);
