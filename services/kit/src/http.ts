import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PORT_VARIABLES, type PortName } from './config.js';

export class PortInUseError extends Error {
  constructor(
    public readonly port: number,
    public readonly variable: string,
  ) {
    super(`Port ${port} is already in use. Stop the program that uses it, or choose another port with ${variable}=<port>.`);
  }
}

/** Listens on loopback by default; a busy port fails with a message naming the variable to change it. */
export function listen(server: http.Server, port: number, portName: PortName | string, host = process.env.HOST ?? '127.0.0.1'): Promise<number> {
  const variable = (PORT_VARIABLES as Record<string, string>)[portName] ?? portName;
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, variable) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export function readBody(request: http.IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(Object.assign(new Error('Request body too large'), { status: 413 }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
