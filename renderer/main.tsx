import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyCachedTheme } from './app/themeCache';
import './styles/index.css';

applyCachedTheme();

const container = document.getElementById('root');
if (!container) throw new Error('index.html is missing the #root element.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
