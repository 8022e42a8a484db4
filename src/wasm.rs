//! WebAssembly bindings: placeholder until the JavaScript layer lands.
