/** A user's story in a source ("真实用户案例：…") illustrates; it is no basis to cite. */
export const isAnecdote = (citation: { clause?: string }) => /^真实用户案例|^user case/i.test(citation.clause ?? '');
