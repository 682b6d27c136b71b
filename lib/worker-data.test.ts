import { beforeEach, describe, expect, it } from 'vitest';
import { dataContainer, fillWorkerData, hasWorkerData, resetWorkerDataForTests, WorkerDataError } from './worker-data';

beforeEach(() => resetWorkerDataForTests());

describe('worker data containers', () => {
  it('refuse to be read before the file is read, naming the export', () => {
    const words = dataContainer<Record<string, string>>('lib/i18n/sections/engine.ts#zhCN', false);
    const list = dataContainer<string[]>('lib/vendors/catalog.ts#VENDORS', true);
    expect(() => words['engine.sourcesSep']).toThrow(WorkerDataError);
    expect(() => words['engine.sourcesSep']).toThrow(/"lib\/i18n\/sections\/engine\.ts#zhCN" was read before/);
    expect(() => 'x' in words).toThrow(WorkerDataError);
    expect(() => Object.keys(words)).toThrow(WorkerDataError);
    expect(() => list.map((v) => v)).toThrow(WorkerDataError);
  });

  it('give the data to references taken while the script loaded, once filled', () => {
    const zh = dataContainer<Record<string, string>>('s.ts#zhCN', false);
    const vendors = dataContainer<{ id: string }[]>('c.ts#VENDORS', true);
    // What a module does at load: keeps the objects, reads nothing.
    const catalogs = { 'zh-CN': zh };
    const find = (id: string) => vendors.find((v) => v.id === id);
    fillWorkerData({ 's.ts#zhCN': { 'engine.sourcesSep': '；' }, 'c.ts#VENDORS': [{ id: 'letsvpn' }, { id: 'x' }] });
    expect(catalogs['zh-CN']['engine.sourcesSep']).toBe('；');
    expect(find('letsvpn')).toEqual({ id: 'letsvpn' });
    expect(vendors).toHaveLength(2);
    expect(Array.isArray(vendors)).toBe(true);
    expect(Object.keys(zh)).toEqual(['engine.sourcesSep']);
  });

  it('put back what the script keeps through the reviver', () => {
    const pages = { letsvpn: { hosts: [/letsvpn/] } };
    const vendors = dataContainer<{ id: string; pages: unknown }[], { id: string }[]>(
      'c.ts#VENDORS',
      true,
      (list: { id: string }[]) => list.map((v) => ({ ...v, pages: pages[v.id as 'letsvpn'] })),
    );
    fillWorkerData({ 'c.ts#VENDORS': [{ id: 'letsvpn' }] });
    expect(vendors[0]!.pages).toBe(pages.letsvpn);
  });

  it('fill none when the file lacks one (a stale file beside a newer script), naming it', () => {
    const a = dataContainer<Record<string, string>>('a.ts#zhCN', false);
    dataContainer<Record<string, string>>('b.ts#zhCN', false);
    expect(() => fillWorkerData({ 'a.ts#zhCN': { k: 'v' } })).toThrow(/"b\.ts#zhCN" is missing/);
    expect(() => a.k).toThrow(WorkerDataError);
  });

  it('refuse a value of the wrong shape', () => {
    dataContainer<string[]>('c.ts#VENDORS', true);
    expect(() => fillWorkerData({ 'c.ts#VENDORS': { id: 'letsvpn' } })).toThrow(/wrong shape/);
  });

  it('are filled once: a second read of the file adds nothing', () => {
    const list = dataContainer<number[]>('c.ts#LIST', true);
    fillWorkerData({ 'c.ts#LIST': [1, 2] });
    fillWorkerData({ 'c.ts#LIST': [1, 2] });
    expect([...list]).toEqual([1, 2]);
  });

  it('are known only where the build declared them', () => {
    expect(hasWorkerData()).toBe(false);
    dataContainer('a.ts#x', false);
    expect(hasWorkerData()).toBe(true);
    expect(() => dataContainer('a.ts#x', false)).toThrow(/declared twice/);
  });
});
