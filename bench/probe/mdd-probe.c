/*
 * mdd-probe: a C peer of the engine's MDD compiler (src/core/engine/mdd-store.ts and the build step of compile.ts),
 * so that bench/engine-big.ts can state "our compile of BR4CP big is k× a C compile of the same diagram" measured in
 * one sitting, instead of against a figure from another machine or another day (issue 20).
 *
 * It is deliberately the SAME algorithm, not a better one, or the ratio would measure the algorithm, not the
 * language and the implementation: one MDD per table (recursive partition of the rows by value, wildcard rows joining
 * every branch), then Bryant's apply specialised to conjunction, conjoining the tables one by one into an accumulator
 * in the order given, with a hash-consed unique table (open addressing, the same hash) and a lossy computed table of
 * the same size. Nodes live in flat int32 pools, as in mdd-store.ts. There is no garbage collection: mdd-store.ts
 * compacts only past 4M nodes, which BR4CP big (1.1M) never reaches.
 *
 * Input: the file named by argv[1], written by bench/mdd-probe.ts (whitespace-separated integers):
 *   mdd-probe 1
 *   <levels> <cache bits>
 *   <domain size of level 0> ... <domain size of level levels-1>
 *   <tables>
 *   per table, in conjunction order: <arity> <rows>, then the level of each scope position, then the rows
 *   row-major (-1 = any value).
 * Output: one JSON line {"ms", "cpu_ms", "nodes", "edges", "work", "store"}: wall and CPU milliseconds for the table
 * diagrams, the conjunctions and counting the result (parsing excluded), reachable nodes and non-false edges of the result (the
 * engine's nodeCount / edgeCount), conjunction steps (computed-table misses) and nodes ever created.
 *
 * Build: gcc -O2 -o mdd-probe mdd-probe.c (the bench does it in a temporary folder; no binary is committed).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FALSE_NODE 0
#define TRUE_NODE 1
#define EMPTY (-1)

static int32_t levels;
static int32_t *dom;
static int32_t **scratch; /* one child buffer per level: a conjunction at level l recurses only deeper */

static int32_t *level, *offset, *kids;
static int64_t size = 2, cap, kids_used, kids_cap;
static int32_t *unique;
static uint32_t unique_mask;
static int64_t unique_count;
static int32_t *cache;
static uint32_t cache_mask;
static int64_t work;

static void *xrealloc(void *p, size_t bytes) {
  void *q = realloc(p, bytes);
  if (q == NULL) {
    fprintf(stderr, "mdd-probe: out of memory\n");
    exit(1);
  }
  return q;
}

/* mdd-store.ts's hash (Math.imul is a 32-bit wrapping multiply). */
static uint32_t hash(int32_t l, const int32_t *buf, int32_t d) {
  uint32_t h = (uint32_t)(l + 1) * 0x9e3779b1u;
  for (int32_t i = 0; i < d; i++) h = ((h ^ (uint32_t)buf[i]) * 0x85ebca6bu) ^ (h >> 13);
  return h ^ (h >> 16);
}

static void rehash(void) {
  uint32_t n = (unique_mask + 1) * 2;
  int32_t *table = xrealloc(NULL, n * sizeof(int32_t));
  memset(table, 0xff, n * sizeof(int32_t)); /* EMPTY */
  for (int64_t id = 2; id < size; id++) {
    uint32_t slot = hash(level[id], kids + offset[id], dom[level[id]]) & (n - 1);
    while (table[slot] != EMPTY) slot = (slot + 1) & (n - 1);
    table[slot] = (int32_t)id;
  }
  free(unique);
  unique = table;
  unique_mask = n - 1;
}

/* The reduced node at level l with children buf[0..dom[l]). */
static int32_t mk(int32_t l, const int32_t *buf) {
  int32_t d = dom[l];
  int same = 1;
  for (int32_t i = 1; i < d && same; i++) same = buf[i] == buf[0];
  if (same) return buf[0];
  uint32_t slot = hash(l, buf, d) & unique_mask;
  for (;;) {
    int32_t id = unique[slot];
    if (id == EMPTY) break;
    if (level[id] == l && memcmp(kids + offset[id], buf, d * sizeof(int32_t)) == 0) return id;
    slot = (slot + 1) & unique_mask;
  }
  int64_t id = size++;
  if (id >= cap) {
    cap *= 2;
    level = xrealloc(level, cap * sizeof(int32_t));
    offset = xrealloc(offset, cap * sizeof(int32_t));
  }
  if (kids_used + d > kids_cap) {
    while (kids_used + d > kids_cap) kids_cap *= 2;
    kids = xrealloc(kids, kids_cap * sizeof(int32_t));
  }
  level[id] = l;
  offset[id] = (int32_t)kids_used;
  memcpy(kids + kids_used, buf, d * sizeof(int32_t));
  kids_used += d;
  unique[slot] = (int32_t)id;
  if (++unique_count * 2 > (int64_t)unique_mask + 1) rehash();
  return (int32_t)id;
}

static int32_t and(int32_t a, int32_t b) {
  if (a == FALSE_NODE || b == FALSE_NODE) return FALSE_NODE;
  if (a == TRUE_NODE || a == b) return b;
  if (b == TRUE_NODE) return a;
  if (a > b) {
    int32_t t = a;
    a = b;
    b = t;
  }
  uint32_t slot = (((uint32_t)a * 0x9e3779b1u) ^ ((uint32_t)b * 0x85ebca6bu)) & cache_mask;
  if (cache[3 * slot] == a && cache[3 * slot + 1] == b) return cache[3 * slot + 2];
  work++;
  int32_t la = level[a], lb = level[b];
  int32_t l = la < lb ? la : lb;
  int32_t d = dom[l];
  int32_t *buf = scratch[l];
  /* Offsets never move; the kids pool is re-read for every child: a nested mk may move it. */
  int32_t oa = la == l ? offset[a] : -1, ob = lb == l ? offset[b] : -1;
  for (int32_t v = 0; v < d; v++) {
    int32_t ca = oa < 0 ? a : kids[oa + v];
    int32_t cb = ob < 0 ? b : kids[ob + v];
    /* The terminal pairs decided here, not by a call, as mdd-store.ts does. */
    if (ca == cb || cb == TRUE_NODE)
      buf[v] = ca;
    else if (ca == TRUE_NODE)
      buf[v] = cb;
    else if (ca == FALSE_NODE || cb == FALSE_NODE)
      buf[v] = FALSE_NODE;
    else
      buf[v] = and(ca, cb);
  }
  int32_t r = mk(l, buf);
  cache[3 * slot] = a;
  cache[3 * slot + 1] = b;
  cache[3 * slot + 2] = r;
  return r;
}

/* One table's diagram, as MddStore.table: rows sub[0..n) at scope position pos[depth]. */
struct table {
  int32_t arity;
  const int32_t *levels, *rows, *pos;
};

static int32_t build(const struct table *t, const int32_t *sub, int32_t n, int32_t depth) {
  if (n == 0) return FALSE_NODE;
  if (depth == t->arity) return TRUE_NODE;
  int32_t j = t->pos[depth], l = t->levels[j], d = dom[l];
  int32_t *counts = calloc(d + 1, sizeof(int32_t));
  int32_t *kid = malloc(d * sizeof(int32_t));
  int32_t wild = 0;
  for (int32_t i = 0; i < n; i++) {
    int32_t v = t->rows[sub[i] * t->arity + j];
    if (v < 0)
      wild++;
    else
      counts[v + 1]++;
  }
  int32_t r;
  if (wild == n) {
    int32_t only = build(t, sub, n, depth + 1);
    for (int32_t v = 0; v < d; v++) kid[v] = only;
    r = mk(l, kid);
  } else {
    int32_t *starred = malloc((wild + 1) * sizeof(int32_t));
    int32_t *sorted = malloc((size_t)(n - wild + 1) * sizeof(int32_t));
    int32_t *fill = malloc((d + 1) * sizeof(int32_t));
    for (int32_t v = 0; v < d; v++) counts[v + 1] += counts[v];
    memcpy(fill, counts, (d + 1) * sizeof(int32_t));
    int32_t w = 0;
    for (int32_t i = 0; i < n; i++) {
      int32_t v = t->rows[sub[i] * t->arity + j];
      if (v < 0)
        starred[w++] = sub[i];
      else
        sorted[fill[v]++] = sub[i];
    }
    int32_t wild_only = wild > 0 ? build(t, starred, wild, depth + 1) : FALSE_NODE;
    int32_t *both = malloc((n + 1) * sizeof(int32_t));
    for (int32_t v = 0; v < d; v++) {
      int32_t lo = counts[v], hi = counts[v + 1];
      if (lo == hi)
        kid[v] = wild_only;
      else if (wild == 0)
        kid[v] = build(t, sorted + lo, hi - lo, depth + 1);
      else {
        memcpy(both, sorted + lo, (hi - lo) * sizeof(int32_t));
        memcpy(both + (hi - lo), starred, wild * sizeof(int32_t));
        kid[v] = build(t, both, hi - lo + wild, depth + 1);
      }
    }
    r = mk(l, kid);
    free(both);
    free(fill);
    free(sorted);
    free(starred);
  }
  free(kid);
  free(counts);
  return r;
}

/* Whitespace-separated integers from the whole input. */
static char *in;
static int32_t next_int(void) {
  while (*in == ' ' || *in == '\n' || *in == '\r' || *in == '\t') in++;
  int neg = *in == '-';
  if (neg) in++;
  if (*in < '0' || *in > '9') {
    fprintf(stderr, "mdd-probe: malformed input\n");
    exit(1);
  }
  int32_t x = 0;
  while (*in >= '0' && *in <= '9') x = x * 10 + (*in++ - '0');
  return neg ? -x : x;
}

/* Wall clock, and CPU time of the process: on a shared machine the second varies less. */
static double now_ms(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: mdd-probe <export file>\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (f == NULL) {
    perror(argv[1]);
    return 1;
  }
  fseek(f, 0, SEEK_END);
  long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc(bytes + 1);
  if (fread(text, 1, bytes, f) != (size_t)bytes) {
    perror(argv[1]);
    return 1;
  }
  text[bytes] = 0;
  fclose(f);
  if (strncmp(text, "mdd-probe 1", 11) != 0) {
    fprintf(stderr, "mdd-probe: not a format-1 export\n");
    return 1;
  }
  in = text + 11;
  levels = next_int();
  int32_t cache_bits = next_int();
  dom = malloc((levels + 1) * sizeof(int32_t));
  scratch = malloc(levels * sizeof(int32_t *));
  for (int32_t l = 0; l < levels; l++) {
    dom[l] = next_int();
    scratch[l] = malloc(dom[l] * sizeof(int32_t));
  }
  int32_t ntables = next_int();
  struct table *tables = malloc(ntables * sizeof(struct table));
  int32_t *nrows = malloc(ntables * sizeof(int32_t));
  for (int32_t k = 0; k < ntables; k++) {
    int32_t arity = next_int();
    nrows[k] = next_int();
    int32_t *lv = malloc((arity + 1) * sizeof(int32_t));
    int32_t *rows = malloc(((int64_t)arity * nrows[k] + 1) * sizeof(int32_t));
    int32_t *pos = malloc((arity + 1) * sizeof(int32_t));
    for (int32_t j = 0; j < arity; j++) lv[j] = next_int();
    for (int64_t i = 0; i < (int64_t)arity * nrows[k]; i++) rows[i] = next_int();
    /* Scope positions by increasing level (insertion sort: scopes are short). */
    for (int32_t j = 0; j < arity; j++) {
      int32_t i = j;
      while (i > 0 && lv[pos[i - 1]] > lv[j]) {
        pos[i] = pos[i - 1];
        i--;
      }
      pos[i] = j;
    }
    tables[k] = (struct table){arity, lv, rows, pos};
  }

  double t0 = now_ms(CLOCK_MONOTONIC), c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
  cap = 1 << 16;
  level = malloc(cap * sizeof(int32_t));
  offset = malloc(cap * sizeof(int32_t));
  kids_cap = 1 << 18;
  kids = malloc(kids_cap * sizeof(int32_t));
  level[FALSE_NODE] = level[TRUE_NODE] = levels;
  unique_mask = (1u << 16) - 1;
  unique = malloc((unique_mask + 1) * sizeof(int32_t));
  memset(unique, 0xff, (unique_mask + 1) * sizeof(int32_t));
  cache_mask = (1u << cache_bits) - 1;
  cache = malloc(3 * ((size_t)cache_mask + 1) * sizeof(int32_t));
  memset(cache, 0xff, 3 * ((size_t)cache_mask + 1) * sizeof(int32_t));

  int32_t *roots = malloc(ntables * sizeof(int32_t));
  for (int32_t k = 0; k < ntables; k++) {
    if (tables[k].arity == 0) {
      roots[k] = TRUE_NODE;
      continue;
    }
    int32_t *all = malloc((nrows[k] + 1) * sizeof(int32_t));
    for (int32_t r = 0; r < nrows[k]; r++) all[r] = r;
    roots[k] = build(&tables[k], all, nrows[k], 0);
    free(all);
  }
  int32_t acc = TRUE_NODE;
  for (int32_t k = 0; k < ntables && acc != FALSE_NODE; k++) acc = and(acc, roots[k]);

  /* Reachable nodes and non-false edges, as the engine's extract counts them. */
  int64_t nodes = 0, edges = 0;
  uint8_t *seen = calloc(size, 1);
  int32_t *stack = malloc(size * sizeof(int32_t));
  int64_t top = 0;
  if (acc > TRUE_NODE) {
    stack[top++] = acc;
    seen[acc] = 1;
  }
  while (top > 0) {
    int32_t x = stack[--top];
    nodes++;
    for (int32_t v = 0; v < dom[level[x]]; v++) {
      int32_t c = kids[offset[x] + v];
      if (c != FALSE_NODE) edges++;
      if (c > TRUE_NODE && !seen[c]) {
        seen[c] = 1;
        stack[top++] = c;
      }
    }
  }
  double ms = now_ms(CLOCK_MONOTONIC) - t0, cpu_ms = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
  printf("{\"ms\":%.1f,\"cpu_ms\":%.1f,\"nodes\":%lld,\"edges\":%lld,\"work\":%lld,\"store\":%lld}\n", ms, cpu_ms, (long long)nodes,
         (long long)edges, (long long)work, (long long)size);
  return 0;
}
