import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { digestHtml } from '../../data/digest-email.ts';
import { digestOf, digestPaths } from '../../data/digests.ts';

export const getStaticPaths = (() => digestPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(digestHtml(digestOf(props.listing)), { headers: { 'content-type': 'text/html; charset=utf-8' } });
