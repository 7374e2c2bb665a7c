export { JournalWelcome } from './JournalWelcome';
