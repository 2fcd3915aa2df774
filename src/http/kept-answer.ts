import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import type { AnswerStamp } from '../repositories/answer-stamp.repository.ts';
import { cachedAnswer, stampAhead } from '../services/answers/answer-cache.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Work the route starts when a request arrives, alongside authentication (auth/access-control.ts). */
    ahead?: (req: FastifyRequest) => void;
  }
  interface FastifyRequest {
    /** The kept answers' stamp, read while the caller was authenticated. */
    answerStamp?: Promise<AnswerStamp>;
  }
}

/**
 * A dashboard route's answer, kept (services/answers/answer-cache.ts) as the JSON its response schema
 * serialises it to, so that a reader of a kept answer pays for no serialisation either (a plan's
 * progress is tens of kilobytes). The question is the request's URL, path and query; the cache adds
 * the reader's grants. A route given `kept.options` reads the cache's stamp while its caller is
 * authenticated: a kept answer then waits for one round trip, not two.
 */
export function keptAnswers(reads: Database) {
  const kept = async <T>(req: FastifyRequest, reply: FastifyReply, judge: () => Promise<T>): Promise<FastifyReply> => {
    const json = await cachedAnswer(reads, req.url, req.actor!, async () => reply.serialize(await judge()), req.answerStamp);
    // Already serialised by the route's own serializer (validated against its response schema).
    return reply.type('application/json; charset=utf-8').send(json);
  };
  const ahead = (req: FastifyRequest): void => {
    req.answerStamp = stampAhead(reads);
  };
  /** A route's options with the stamp read ahead. */
  const options = <O extends { config: object }>(o: O): O => ({ ...o, config: { ...o.config, ahead } });
  return Object.assign(kept, { options });
}
