// The registry of HTTP-client detectors. Adding a client is one file here and one line below.
import type { Detector } from './detector.ts';
import { axiosDetector } from './axios.ts';
import { fetchDetector } from './fetch.ts';
import { gotDetector } from './got.ts';
import { jqueryDetector } from './jquery.ts';
import { nodeHttpDetector } from './node-http.ts';
import { requestDetector } from './request.ts';
import { superagentDetector } from './superagent.ts';
import { xhrDetector } from './xhr.ts';

export const detectors: readonly Detector[] = [fetchDetector, axiosDetector, gotDetector, superagentDetector, requestDetector, nodeHttpDetector, jqueryDetector, xhrDetector];

export type { Detector, DetectContext, RequestMatch, ClientConfigMatch, AuthEvidence, HardcodedSecret, UrlExpression } from './detector.ts';
