import { JwtService } from '@nestjs/jwt';
import { parseArgs } from 'node:util';
import { loadConfig } from '@app/config';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { actorFromClaims } from '../auth/token-claims';

const USAGE = `usage: npm run token -- --role <province-board|district-board|political-school|home-affairs|auditor>
                       [--district 216] [--sub user-id] [--expires 12h]`;

/** Issues a development bearer token signed with the same secret the API uses. */
function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      district: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const claims = {
    sub: values.sub ?? `dev-${values.role}${values.district ? `-${values.district}` : ''}`,
    role: values.role,
    district: values.district,
  };
  const actor = actorFromClaims(claims);
  if (typeof actor === 'string') {
    process.stderr.write(`${actor}\n${USAGE}\n`);
    process.exit(2);
  }
  const jwt = new JwtService({ secret: resolveJwtSecret(loadConfig()) });
  const payload = { sub: actor.id, role: actor.role, ...(actor.district ? { district: actor.district } : {}) };
  process.stdout.write(`${jwt.sign(payload, { algorithm: 'HS256', expiresIn: values.expires as never })}\n`);
}

main();
