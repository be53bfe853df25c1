import type { APIRoute } from 'astro';
import { siteFeed } from '../data/feeds.ts';

export const GET: APIRoute = () => siteFeed('atom');
