import { installAppPolicies } from '../server/policies';

// Jest setup file (jest.config.js): tests build abilities directly, as the server and the CLI do after start-up.
installAppPolicies();
