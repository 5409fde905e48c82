// Style sheets are handled by the bundler (css-loader); TypeScript only needs to accept the import.
declare module '*.css';
