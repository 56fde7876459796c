/** Vite bundles the stylesheets a page imports (the print pages' print.css). */
declare module '*.css';
