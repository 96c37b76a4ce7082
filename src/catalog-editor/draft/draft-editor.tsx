/**
 * Stub so this branch compiles: the draft editor (forms, options table, rule builder) is built on its own branch,
 * whose file replaces this one.
 */
export function DraftEditor({ catalogId, draftId }: { catalogId: string; draftId: string }) {
  return (
    <p className="notice">
      {catalogId} · {draftId}
    </p>
  );
}
