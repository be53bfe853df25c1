import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { digestOf, digestPaths } from '../../data/digests.ts';
import { digestText } from '../../lib/digest.ts';

export const getStaticPaths = (() => digestPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(digestText(digestOf(props.listing)), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
