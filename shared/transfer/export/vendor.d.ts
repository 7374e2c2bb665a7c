/**
 * graphology-gexf's writer on its own (a CommonJS module whose export is the function): the package's
 * entry points also load a DOM parser (the browser one at import time), which the writer does not
 * need and shared/ cannot assume.
 */
declare module 'graphology-gexf/common/writer.js' {
  import { write } from 'graphology-gexf/browser';
  export default write;
}
