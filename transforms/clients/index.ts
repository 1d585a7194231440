// The registry of client pieces, by detector name. A client the analyzer detects but no piece knows
// is reported, never rewritten.
import { axiosPiece } from './axios.ts';
import { fetchPiece } from './fetch.ts';
import { gotPiece } from './got.ts';
import { nodeHttpPiece } from './node-http.ts';
import { requestPiece } from './request.ts';
import { superagentPiece } from './superagent.ts';
import type { ClientPiece } from './types.ts';

const pieces: readonly ClientPiece[] = [fetchPiece, axiosPiece, gotPiece, requestPiece, nodeHttpPiece, superagentPiece];

export function clientPiece(client: string): ClientPiece | null {
  return pieces.find((p) => p.client === client) ?? null;
}

export type { ClientPiece, HeaderList } from './types.ts';
