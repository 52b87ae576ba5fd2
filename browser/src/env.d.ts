// Stylesheets are bundled as text (esbuild loader '.css': 'text') and placed in the overlay's shadow root.
declare module '*.css' {
  const css: string;
  export default css;
}
