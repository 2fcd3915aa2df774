# PlanTrack app image: the compiled server and the built web app on Node 20 (the version CI runs).
# Not built or run on the development machine (no container runtime there): see docs/deployment.md.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` builds dist/ and needs the sources, so install without scripts and build after copying them.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN node scripts/build.js --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 PLANTRACK_DATA_DIR=/var/lib/plantrack
WORKDIR /app
# The server reads the dataset (the five plans, divisions, map) and the migrations at start.
COPY --from=build /app /app
RUN useradd --system --home-dir /var/lib/plantrack --create-home plantrack
USER plantrack
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/v1/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server/cli/main.js", "serve"]
