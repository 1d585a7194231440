import axios, { type Method } from 'axios';

export class BigCommerceClient {
  private readonly base = 'https://api.bigcommerce.com/stores/w4r5p6/v2';

  private request(method: Method, path: string, data?: unknown) {
    return axios({
      method,
      url: this.base + path,
      data,
      headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string, Accept: 'application/json' },
    });
  }

  async webhooks() {
    return this.request('GET', '/hooks');
  }

  async updateCustomer(id: number, data: unknown) {
    return this.request('PUT', `/customers/${id}`, data);
  }
}
