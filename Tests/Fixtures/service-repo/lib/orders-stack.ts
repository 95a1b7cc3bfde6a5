import * as cdk from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const activity = new sfn.CfnActivity(this, 'IntakeActivity', { name: 'order-intake' });
    cdk.Tags.of(activity).add('team', 'orders');
  }
}
