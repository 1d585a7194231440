// The registry of HTTP-client detectors. Adding a client is one file here and one line below.
import type { Detector } from './detector.ts';
import { axiosDetector } from './axios.ts';
import { fetchDetector } from './fetch.ts';
import { gotDetector } from './got.ts';
import { jqueryDetector } from './jquery.ts';
import { nodeHttpDetector } from './node-http.ts';
import { requestDetector } from './request.ts';
import { superagentDetector } from './superagent.ts';
import { unknownClientDetector } from './unknown-client.ts';
import { xhrDetector } from './xhr.ts';

// Last: it reports a legacy URL handed to any other call, once the clients above have had theirs.
export const detectors: readonly Detector[] = [fetchDetector, axiosDetector, gotDetector, superagentDetector, requestDetector, nodeHttpDetector, jqueryDetector, xhrDetector, unknownClientDetector];

export type { Detector, DetectContext, RequestMatch, ClientConfigMatch, AuthEvidence, HardcodedSecret, UrlExpression } from './detector.ts';
