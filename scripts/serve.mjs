// Serves the built site (dist/) on 127.0.0.1, as `npm run preview` and `npm start`.
import { startStaticServer } from './static-server.mjs';

const port = Number(process.env.PORT ?? 4321);
const { url } = await startStaticServer({ root: 'dist', port });
console.log(`Xen release notes: ${url}  (Ctrl+C to stop)`);
