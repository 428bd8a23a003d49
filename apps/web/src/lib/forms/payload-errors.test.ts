import { describe, expect, it } from 'vitest';
import { payloadErrors, payloadMessages } from './payload-errors.ts';

describe('a mutation answer’s errors by field', () => {
  it('puts each userError on its field, without the leading input', () => {
    const errors = payloadErrors({}, {
      userErrors: [
        { field: ['input', 'space', 'lr', 'high'], message: 'low <= high', code: 'INVALID' },
        { field: ['input', 'name'], message: 'taken', code: 'TAKEN' },
      ],
    });
    expect(errors).toEqual({ 'space.lr.high': ['low <= high'], name: ['taken'] });
  });

  it('puts a request error at the top of the form and reports nothing when all went well', () => {
    expect(payloadErrors({ error: { message: '[Network] Failed to fetch' } }, undefined)?.['']).toHaveLength(1);
    expect(payloadErrors({}, { userErrors: [] })).toBeUndefined();
  });

  it('lists the messages of an action without fields, none when all went well', () => {
    const userErrors = [
      { field: ['input', 'role'], message: 'only an owner changes an owner', code: 'FORBIDDEN' },
      { field: [], message: 'the last owner stays', code: 'INVALID' },
    ];
    expect(payloadMessages({}, { userErrors })).toEqual(['only an owner changes an owner', 'the last owner stays']);
    expect(payloadMessages({ error: { message: '[Network] Failed to fetch' } }, undefined)).toHaveLength(1);
    expect(payloadMessages({}, { userErrors: [] })).toEqual([]);
  });
});
