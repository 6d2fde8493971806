// Signing in at the configured OpenID Connect issuer: the authorization code flow with PKCE (S256) for a
// public client, entirely in this tab. The access token it returns is kept like a pasted token.

const PENDING = 'navi.oidc.pending';

/** The redirect URI to register for the console's client at the identity provider. */
export const redirectUri = () => `${location.origin}/`;

const base64url = (bytes) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** The PKCE S256 code challenge of a verifier (RFC 7636). */
export async function codeChallenge(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

export async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`The identity provider's discovery document answered HTTP ${response.status}.`);
  const config = await response.json();
  if (config.issuer !== issuer) throw new Error(`The discovery document names another issuer (${config.issuer}).`);
  if (new URL(config.token_endpoint).origin !== new URL(issuer).origin) {
    throw new Error('The token endpoint is not on the issuer\'s origin, which is all the console may call.');
  }
  return config;
}

/** Sends the tab to the identity provider; it comes back to `/` with ?code=&state=. */
export async function startSignIn({ issuer, clientId, scopes }) {
  if (!crypto.subtle) throw new Error('Signing in at the identity provider needs the console on https (or loopback).');
  const config = await discover(issuer);
  const pending = {
    verifier: randomString(),
    state: randomString(),
    nonce: randomString(),
    tokenEndpoint: config.token_endpoint,
    clientId,
    hash: location.hash,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(config.authorization_endpoint);
  const query = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope: (scopes?.length ? scopes : ['openid']).join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  location.assign(url.toString());
}

/** The payload of a JWT, unverified (only to compare the id token's nonce; NAVI verifies what it is sent). */
function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
}

/**
 * When the identity provider sent the tab back (?code= or ?error= on `/`): strips the query, checks the
 * state and trades the code and verifier for tokens. Null when this is no such return, else the access token.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${pending?.hash ?? ''}`);
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('The answer from the identity provider does not belong to a sign-in started here. Try again.');
  }
  if (params.has('error')) {
    throw new Error(`The identity provider refused: ${params.get('error_description') || params.get('error')}.`);
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
    cache: 'no-store',
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) {
    throw new Error(`The identity provider did not issue a token: ${tokens.error_description || tokens.error || `HTTP ${response.status}`}.`);
  }
  if (tokens.id_token && claims(tokens.id_token).nonce !== pending.nonce) {
    throw new Error('The identity provider\'s id token is not for this sign-in (nonce). Try again.');
  }
  return tokens.access_token;
}
