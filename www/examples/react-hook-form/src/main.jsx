import { createRoot } from 'react-dom/client';
import { protect } from 'pii-veil';
import { TicketForm } from './TicketForm.jsx';
import './style.css';

// Once, before the app's first request: protect() masks what is found in the free-text
// fields (the subject and the message) in every request the page makes, here the
// fetch() of the submit handler. The contact fields (autocomplete name, type email)
// are left to the form: the ticket needs them.
protect(document, { lang: 'de' });

createRoot(document.getElementById('root')).render(<TicketForm />);
