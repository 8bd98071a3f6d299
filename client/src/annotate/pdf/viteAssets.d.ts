// Vite's asset imports (`?url`) and import.meta.glob, used to bundle pdf.js's worker and data files with the client.
/// <reference types="vite/client" />
