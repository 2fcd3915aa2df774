import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { cachedAnswer } from '../services/answers/answer-cache.ts';

/**
 * A dashboard route's answer, kept (services/answers/answer-cache.ts) as the JSON its response schema
 * serialises it to, so that a reader of a kept answer pays for no serialisation either (a plan's
 * progress is tens of kilobytes). The question is the request's URL, path and query; the cache adds
 * the reader's grants.
 */
export function keptAnswers(reads: Database) {
  return async <T>(req: FastifyRequest, reply: FastifyReply, judge: () => Promise<T>): Promise<FastifyReply> => {
    const json = await cachedAnswer(reads, req.url, req.actor!, async () => reply.serialize(await judge()));
    // Already serialised by the route's own serializer (validated against its response schema).
    return reply.type('application/json; charset=utf-8').send(json);
  };
}
