import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';

// A support ticket: react-hook-form's registered (uncontrolled) inputs, and the message
// as a controlled textarea through <Controller>. Nothing here knows about pii-veil.
export function TicketForm() {
  const { register, control, handleSubmit, reset } = useForm({
    defaultValues: { name: '', email: '', subject: '', message: '' },
  });
  const [status, setStatus] = useState('');

  async function send(data) {
    const res = await fetch('/api/ticket', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
    });
    setStatus(res.ok ? 'Gesendet.' : 'Nicht gesendet.');
    if (res.ok) reset();
  }

  return (
    <form id="ticket" onSubmit={handleSubmit(send)}>
      <h1>Support-Anfrage</h1>
      <label>Name <input autoComplete="name" {...register('name', { required: true })} /></label>
      <label>E-Mail <input type="email" autoComplete="email" {...register('email', { required: true })} /></label>
      <label>Betreff <input {...register('subject')} /></label>
      <label>
        Nachricht
        <Controller
          name="message"
          control={control}
          render={({ field }) => <textarea rows={5} {...field} />}
        />
      </label>
      <button type="submit">Senden</button>
      <p id="status" role="status">{status}</p>
    </form>
  );
}
