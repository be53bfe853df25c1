import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { digestOf, digestPaths } from '../../data/digests.ts';
import { digestHtml } from '../../lib/digest.ts';

export const getStaticPaths = (() => digestPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(digestHtml(digestOf(props.listing)), { headers: { 'content-type': 'text/html; charset=utf-8' } });
