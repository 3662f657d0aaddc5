/** The bootstrap token every test and benchmark api starts with: an admin of every tenant. */
export const TEST_BOOTSTRAP_TOKEN = 'test-bootstrap-token-0123456789';
