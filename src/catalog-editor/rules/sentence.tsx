import { Fragment, type ReactNode } from 'react';

/**
 * A translated template with fields in its `{{name}}` places, so each language keeps its own word order around the
 * builder's selects ("{{left}} must be {{op}} {{right}}", "{{left}} muss {{op}} {{right}} sein").
 */
export function Sentence({ template, parts }: { template: string; parts: Record<string, ReactNode> }) {
  const pieces = template.split(/(\{\{\w+\}\})/);
  return (
    <>
      {pieces.map((piece, i) => {
        const name = /^\{\{(\w+)\}\}$/.exec(piece)?.[1];
        if (name === undefined) return piece.trim() ? <span key={i}>{piece.trim()}</span> : null;
        return <Fragment key={i}>{parts[name]}</Fragment>;
      })}
    </>
  );
}
