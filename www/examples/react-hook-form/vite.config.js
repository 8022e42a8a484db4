// Vite's own esbuild transform compiles the JSX; @vitejs/plugin-react works the same.
export default { esbuild: { jsx: 'automatic' } };
