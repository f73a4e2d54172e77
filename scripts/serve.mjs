// Serves the built site (dist/) on 127.0.0.1, as `npm run preview` and `npm start`.
import { startStaticServer } from './static-server.mjs';

const port = Number(process.env.PORT ?? 4321);
try {
  const { url } = await startStaticServer({ root: 'dist', port, base: process.env.BASE_PATH ?? '/' });
  console.log(`Xen release notes: ${url}  (Ctrl+C to stop)`);
} catch (error) {
  if (error?.code !== 'EADDRINUSE') throw error;
  console.error(`Port ${port} on 127.0.0.1 is in use; run again with another, e.g. PORT=4322 npm start`);
  process.exitCode = 1;
}
