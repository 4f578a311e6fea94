# Build: compile TypeScript and the better-sqlite3 addon, then drop dev dependencies.
FROM node:20-bookworm-slim AS build

# better-sqlite3 compiles from source when no prebuilt binary can be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

# Node 20 ships npm 10, which ignores package.json "allowScripts"; use the npm 11 the lockfile was made with.
RUN npm install -g npm@11.19.1 --no-audit --no-fund

WORKDIR /app

# Lockfile first so the dependency layer is reused while only sources change.
# vendor/ holds a stand-in package the lockfile points at (see README, Dependencies).
COPY package.json package-lock.json ./
COPY vendor ./vendor
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# Runtime: same base (same glibc/ABI as the compiled addon), no toolchain.
FROM node:20-bookworm-slim AS runtime

ENV NODE_ENV=production
WORKDIR /app

# Left root-owned so the app cannot rewrite its own code.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/vendor ./vendor
COPY --from=build /app/dist ./dist
COPY --from=build /app/reference-data ./reference-data

# SQLITE_PATH defaults to ./data/events.db; the embedded store must be able to create it. A volume
# mounted on data/read-models starts with this folder's owner, so the app can write the read models there.
RUN mkdir -p data/read-models && chown -R node:node data

USER node
EXPOSE 3000

# Exec form: node is PID 1 and receives SIGTERM itself (npm would not forward it reliably).
CMD ["node", "dist/apps/api/src/main.js"]
