import { useState } from 'react';
import { ChatContainer, MainContainer, Message, MessageInput, MessageList, TypingIndicator } from '@chatscope/chat-ui-kit-react';
import { textDeltas } from './sse.js';

const text = (direction, payload) => ({ direction, payload, type: 'text', position: 'single' });

// A support chat on chatscope's kit whose bot streams its replies. Messages render as
// text (type 'text'), never as HTML: a reply is the model's text with real values put
// back, which must not become markup.
export function SupportChat() {
  const [messages, setMessages] = useState([text('incoming', 'Hallo! Wie können wir helfen?')]);
  const [streaming, setStreaming] = useState(false);

  async function send(_html, _textContent, innerText) {
    const message = innerText.trim();
    if (!message) return;
    setMessages((m) => [...m, text('outgoing', message), text('incoming', '')]);
    setStreaming(true);
    try {
      const res = await fetch('/api/bot/sse', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message }),
      });
      for await (const delta of textDeltas(res)) {
        setMessages((m) => [...m.slice(0, -1), text('incoming', m[m.length - 1].payload + delta)]);
      }
    } catch {
      setMessages((m) => [...m.slice(0, -1), text('incoming', 'Die Nachricht konnte nicht gesendet werden.')]);
    } finally {
      setStreaming(false);
    }
  }

  return (
    <div className="chat-frame">
      <MainContainer>
        <ChatContainer>
          <MessageList typingIndicator={streaming ? <TypingIndicator content="Bot schreibt" /> : null}>
            {messages.map((m, i) => <Message key={i} model={m} />)}
          </MessageList>
          <MessageInput placeholder="Nachricht schreiben …" onSend={send} />
        </ChatContainer>
      </MainContainer>
    </div>
  );
}
