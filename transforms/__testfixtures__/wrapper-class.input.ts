import axios, { type Method } from 'axios';

export class BigCommerceClient {
  private readonly base = 'https://store-w4r5p6.mybigcommerce.com/api/v2';

  private request(method: Method, path: string, data?: unknown) {
    return axios({
      method,
      url: this.base + path,
      data,
      auth: { username: process.env.BC_USER!, password: process.env.BC_KEY! },
    });
  }

  async webhooks() {
    return this.request('GET', '/hooks');
  }

  async updateCustomer(id: number, data: unknown) {
    return this.request('PUT', `/customers/${id}`, data);
  }
}
