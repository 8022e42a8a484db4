import { createApp } from 'vue';
import { protect } from 'pii-veil';
import ContactForm from './ContactForm.vue';
import './style.css';

// Once, before the app's first request (see the README's "What to protect").
protect(document, { lang: 'de' });

createApp(ContactForm).mount('#app');
