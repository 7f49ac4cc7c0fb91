import type { Logger } from '../logger';
import type { ExtensionServices } from '../services';

export type LanguageLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

/**
 * The services, loaded by the activation shell on first use. The language features ask for them
 * only when they need the store, so registering the providers loads nothing heavy.
 */
export type ServicesLoader = () => ExtensionServices;

export function lazyLogger(services: ServicesLoader): LanguageLogger {
  return {
    info: (message) => services().logger.info(message),
    warn: (message) => services().logger.warn(message),
    error: (what, error) => services().logger.error(what, error),
  };
}
