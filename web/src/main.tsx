import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RenkouApp } from './app/App';
import './app/global.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RenkouApp />
  </StrictMode>,
);
