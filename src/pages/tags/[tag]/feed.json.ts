import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { tagFeed, tagFeedPaths } from '../../../data/feeds.ts';

export const getStaticPaths = (() => tagFeedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) => tagFeed('json', props.tag, props.papers);
