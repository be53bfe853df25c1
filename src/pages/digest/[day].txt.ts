import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { digestText } from '../../data/digest-email.ts';
import { digestOf, digestPaths } from '../../data/digests.ts';

export const getStaticPaths = (() => digestPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(digestText(digestOf(props.listing)), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
