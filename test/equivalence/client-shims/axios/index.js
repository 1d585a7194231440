// A fetch-based stand-in for axios, faithful to the parts the fixture apps use.

const METHOD_KEYS = ['get', 'head', 'delete', 'options', 'post', 'put', 'patch'];

function isAbsolute(url) {
  return /^([a-z][a-z\d+\-.]*:)?\/\//i.test(url);
}

// axios joins with exactly one slash: base 'https://x/api/v2/' + '/orders' → 'https://x/api/v2/orders'.
function combineUrl(baseURL, url) {
  if (!baseURL || isAbsolute(url ?? '')) return url ?? '';
  if (!url) return baseURL;
  return baseURL.replace(/\/?\/$/, '') + '/' + url.replace(/^\/+/, '');
}

function appendParams(url, params) {
  if (!params) return url;
  const parts = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    const name = Array.isArray(value) ? `${key}[]` : key;
    for (const v of values) {
      const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
    }
  }
  if (parts.length === 0) return url;
  const hash = url.indexOf('#');
  const bare = hash >= 0 ? url.slice(0, hash) : url;
  return bare + (bare.includes('?') ? '&' : '?') + parts.join('&');
}

function flattenHeaders(headers, method) {
  const out = {};
  if (!headers) return out;
  const nested = new Set(['common', ...METHOD_KEYS]);
  Object.assign(out, headers.common, headers[method]);
  for (const [key, value] of Object.entries(headers)) {
    if (!nested.has(key) && value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

function mergeConfig(defaults, config) {
  return {
    ...defaults,
    ...config,
    headers: { ...flattenHeaders(defaults.headers, (config.method ?? defaults.method ?? 'get').toLowerCase()), ...flattenHeaders(config.headers, (config.method ?? 'get').toLowerCase()) },
  };
}

function setHeader(headers, name, value) {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  headers[name] = value;
}

function hasHeader(headers, name) {
  return Object.keys(headers).some((key) => key.toLowerCase() === name.toLowerCase());
}

class AxiosError extends Error {
  constructor(message, config, response) {
    super(message);
    this.name = 'AxiosError';
    this.isAxiosError = true;
    this.config = config;
    this.response = response;
  }
}

async function dispatch(config) {
  const method = (config.method ?? 'get').toUpperCase();
  const headers = { ...config.headers };
  if (config.auth) {
    const { username = '', password = '' } = config.auth;
    setHeader(headers, 'Authorization', 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64'));
  }
  let body;
  if (config.data !== undefined && config.data !== null) {
    if (typeof config.data === 'string' || config.data instanceof URLSearchParams || config.data instanceof Uint8Array) {
      body = config.data;
    } else {
      body = JSON.stringify(config.data);
      if (!hasHeader(headers, 'Content-Type')) headers['Content-Type'] = 'application/json';
    }
  }
  const url = appendParams(combineUrl(config.baseURL, config.url), config.params);
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  let data = text;
  if (text !== '' && config.responseType !== 'text') {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  const response = {
    data,
    status: res.status,
    statusText: res.statusText,
    headers: Object.fromEntries(res.headers.entries()),
    config,
  };
  const validateStatus = config.validateStatus ?? ((status) => status >= 200 && status < 300);
  if (validateStatus && !validateStatus(res.status)) {
    throw new AxiosError(`Request failed with status code ${res.status}`, config, response);
  }
  return response;
}

function createInstance(instanceDefaults) {
  const defaults = {
    ...instanceDefaults,
    headers: { common: { Accept: 'application/json, text/plain, */*' }, ...instanceDefaults.headers },
  };
  const request = (configOrUrl, maybeConfig) => {
    const config = typeof configOrUrl === 'string' ? { ...maybeConfig, url: configOrUrl } : { ...configOrUrl };
    return dispatch(mergeConfig(instance.defaults, config));
  };
  const instance = (configOrUrl, maybeConfig) => request(configOrUrl, maybeConfig);
  instance.defaults = defaults;
  instance.request = request;
  for (const method of ['get', 'head', 'delete', 'options']) {
    instance[method] = (url, config) => request({ ...config, method, url });
  }
  for (const method of ['post', 'put', 'patch']) {
    instance[method] = (url, data, config) => request({ ...config, method, url, data });
  }
  instance.create = (config = {}) => createInstance(mergeConfig(instance.defaults, config));
  instance.isAxiosError = (value) => Boolean(value && value.isAxiosError);
  instance.AxiosError = AxiosError;
  return instance;
}

const axios = createInstance({});
export default axios;
export { AxiosError };
export const isAxiosError = axios.isAxiosError;
export const create = axios.create;
// What `require('axios')` returns to CommonJS apps (Node's require of an ES module gives this export).
export { axios as 'module.exports' };
