import frontend from './config/eslint.mjs';

export default frontend;
