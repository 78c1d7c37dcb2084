// Vite client types (CSS imports, import.meta.env) for the renderer.
/// <reference types="vite/client" />
