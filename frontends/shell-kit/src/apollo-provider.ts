// The chunk `apollo-loader` loads when a signed-in route is first shown: the shell's client and the
// provider that hands it to the shell's pages and the remotes (both from the shared @apollo/client).
export { ApolloProvider } from '@apollo/client/react';
export { createApolloClient } from './apollo';
