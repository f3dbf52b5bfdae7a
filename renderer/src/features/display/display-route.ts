/** "#/display": the customer-facing screen's route (its code loads only on that route: issue 15). */
export const isCustomerDisplayRoute = (hash: string): boolean => /^#\/display(?:$|[/?&])/.test(hash);
