// A stand-in for express, enough to load the fixture apps' route modules and call their handlers
// directly: nothing listens. Routers keep express's own shape (`router.stack[i].route` with `path`,
// `methods` and `stack[j].handle`), so a scenario finds a handler the way it would in real express.

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

function Router() {
  const router = (req, res, next) => next?.();
  router.stack = [];
  const add = (methods) => (path, ...handlers) => {
    router.stack.push({ route: { path, methods, stack: handlers.map((handle) => ({ handle })) } });
    return router;
  };
  for (const verb of VERBS) router[verb] = add({ [verb]: true });
  router.all = add({ _all: true });
  router.use = () => router;
  return router;
}

function express() {
  const app = Router();
  app.listen = () => ({ close() {} });
  app.set = () => app;
  return app;
}

express.Router = Router;
express.json = () => (req, res, next) => next?.();
express.urlencoded = () => (req, res, next) => next?.();

export default express;
export { Router };
// What `require('express')` returns to CommonJS apps.
export { express as 'module.exports' };
