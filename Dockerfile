# Kencot in a container: `docker build -t kencot .` then see docs/deployment.md for running it.
# Node 20 (>= 20.19) and 22 are supported; the image uses 22.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: `prepare` would build before the sources are copied; sharp and argon2 ship prebuilt binaries.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/kencot
WORKDIR /app
# package.json: its version goes into backups' manifests; migrations are applied at every start.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/migrations ./migrations
RUN mkdir -p /var/lib/kencot && chown node:node /var/lib/kencot \
 && ln -s /app/dist/server/cli.js /usr/local/bin/kencot && chmod +x /app/dist/server/cli.js
USER node
VOLUME /var/lib/kencot
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# main.ts stops cleanly on SIGTERM (docker stop) within 10 s.
CMD ["node", "dist/server/main.js"]
