import './csp';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUnauthorizedHandler } from './api';
import { AntdProvider } from './components/AntdProvider';
import { LangProvider } from './i18n';
import { makeRouter } from './router';
import { forgetMe, queryClient } from './session';

const router = makeRouter(queryClient);

// The session ended (expired, or the account was disabled): back to the login page.
setUnauthorizedHandler(() => {
  void router.navigate({ to: '/login' }).then(forgetMe);
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <AntdProvider>
          <RouterProvider router={router} />
        </AntdProvider>
      </LangProvider>
    </QueryClientProvider>
  </StrictMode>,
);
