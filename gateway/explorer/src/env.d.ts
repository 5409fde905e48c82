// Stylesheets are bundled by webpack (mini-css-extract-plugin); they export nothing.
declare module '*.css';
